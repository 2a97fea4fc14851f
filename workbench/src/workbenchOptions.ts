import { createTheme, ITheme } from '@fluentui/react/lib/Styling';

/** The seeded users, as GET /_emulator/config lists them. */
export interface IEmulatorUser {
  id: string;
  upn: string;
  displayName: string;
  scenario: string;
  /** The person's Entra ID object id. */
  objectId: string;
}

export interface IEmulatorConfig {
  siteUrl: string;
  mySiteHostUrl: string;
  graphUrl: string;
  users: IEmulatorUser[];
}

export const LOCALES: Array<{ id: string; name: string }> = [
  { id: 'en-us', name: 'English' },
  { id: 'ro-ro', name: 'Română' },
  { id: 'lv-lv', name: 'Latviešu' },
  { id: 'sl-si', name: 'Slovenščina' },
  { id: 'bg-bg', name: 'Български' }
];

export interface IWorkbenchTheme {
  id: string;
  name: string;
  /** Background of the page section the web part sits in. */
  sectionBackground: string;
  theme: ITheme;
}

/** The section backgrounds a web part with supportsThemeVariants meets: a light page, a dark section, Teams in dark mode. */
export const THEMES: IWorkbenchTheme[] = [
  { id: 'light', name: 'Light', sectionBackground: '#ffffff', theme: createTheme({}) },
  {
    id: 'dark',
    name: 'Dark section',
    sectionBackground: '#201f1e',
    theme: createTheme({
      isInverted: true,
      palette: {
        themePrimary: '#3bb0b5', themeLighterAlt: '#020707', themeLighter: '#0a1c1d', themeLight: '#123536',
        themeTertiary: '#236a6d', themeSecondary: '#349ba0', themeDarkAlt: '#4cb7bc', themeDark: '#65c3c7',
        themeDarker: '#8bd3d6', neutralLighterAlt: '#282726', neutralLighter: '#31302f', neutralLight: '#3f3e3d',
        neutralQuaternaryAlt: '#484746', neutralQuaternary: '#4f4e4d', neutralTertiaryAlt: '#6d6c6b',
        neutralTertiary: '#c8c8c8', neutralSecondary: '#d0d0d0', neutralPrimaryAlt: '#dadada',
        neutralPrimary: '#ffffff', neutralDark: '#f4f4f4', black: '#f8f8f8', white: '#201f1e'
      }
    })
  },
  {
    id: 'teams-dark',
    name: 'Teams dark',
    sectionBackground: '#1f1f1f',
    theme: createTheme({
      isInverted: true,
      palette: {
        themePrimary: '#7f85f5', themeLighterAlt: '#05050a', themeLighter: '#141527', themeLight: '#262849',
        themeTertiary: '#4c5093', themeSecondary: '#7075d8', themeDarkAlt: '#8b91f6', themeDark: '#9ca1f7',
        themeDarker: '#b6baf9', neutralLighterAlt: '#292929', neutralLighter: '#333333', neutralLight: '#404040',
        neutralQuaternaryAlt: '#484848', neutralQuaternary: '#4f4f4f', neutralTertiaryAlt: '#6d6d6d',
        neutralTertiary: '#c8c8c8', neutralSecondary: '#d0d0d0', neutralPrimaryAlt: '#dadada',
        neutralPrimary: '#ffffff', neutralDark: '#f4f4f4', black: '#f8f8f8', white: '#1f1f1f'
      }
    })
  }
];
