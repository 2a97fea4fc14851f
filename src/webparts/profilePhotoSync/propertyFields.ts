import { StringKey } from '../../logic/statusMessage';
import { IProfilePhotoSyncWebPartProps } from './IProfilePhotoSyncWebPartProps';

/**
 * The property pane as data, so that SharePoint's property pane and the local workbench's property panel offer
 * the same settings with the same labels. Pure: no SPFx imports.
 */
export type PropertyField =
  | { kind: 'text'; name: 'title' | 'description'; label: StringKey; multiline: boolean }
  | { kind: 'toggle'; name: ToggleName; label: StringKey }
  | { kind: 'choice'; name: 'photoSize' | 'sensitivity' | 'keepCheck'; label: StringKey; options: Array<{ key: string; text: StringKey }> };

type ToggleName = { [K in keyof IProfilePhotoSyncWebPartProps]: IProfilePhotoSyncWebPartProps[K] extends boolean ? K : never }[keyof IProfilePhotoSyncWebPartProps];

export interface IPropertyGroup {
  name: StringKey;
  /** The advanced group starts collapsed. */
  collapsed: boolean;
  fields: PropertyField[];
}

export const PROPERTY_GROUPS: IPropertyGroup[] = [
  {
    name: 'DisplayGroupName',
    collapsed: false,
    fields: [
      { kind: 'text', name: 'title', label: 'TitleFieldLabel', multiline: false },
      { kind: 'text', name: 'description', label: 'DescriptionFieldLabel', multiline: true },
      {
        kind: 'choice',
        name: 'photoSize',
        label: 'PhotoSizeFieldLabel',
        options: [
          { key: 'small', text: 'PhotoSizeSmall' },
          { key: 'medium', text: 'PhotoSizeMedium' },
          { key: 'large', text: 'PhotoSizeLarge' }
        ]
      },
      { kind: 'toggle', name: 'showTimestamps', label: 'ShowTimestampsFieldLabel' },
      { kind: 'toggle', name: 'showTroubleshooting', label: 'ShowTroubleshootingFieldLabel' }
    ]
  },
  {
    name: 'BehaviourGroupName',
    collapsed: false,
    fields: [
      { kind: 'toggle', name: 'showResyncButton', label: 'ShowResyncButtonFieldLabel' },
      { kind: 'toggle', name: 'checkOnLoad', label: 'CheckOnLoadFieldLabel' },
      { kind: 'toggle', name: 'autoResync', label: 'AutoResyncFieldLabel' }
    ]
  },
  {
    name: 'AdvancedGroupName',
    collapsed: true,
    fields: [
      {
        kind: 'choice',
        name: 'sensitivity',
        label: 'SensitivityFieldLabel',
        options: [
          { key: 'relaxed', text: 'SensitivityRelaxed' },
          { key: 'standard', text: 'SensitivityStandard' },
          { key: 'strict', text: 'SensitivityStrict' }
        ]
      },
      {
        kind: 'choice',
        name: 'keepCheck',
        label: 'KeepCheckFieldLabel',
        options: [
          { key: 'off', text: 'KeepCheckOff' },
          { key: 'day', text: 'KeepCheckDay' },
          { key: 'threeDays', text: 'KeepCheckThreeDays' },
          { key: 'week', text: 'KeepCheckWeek' }
        ]
      }
    ]
  }
];

/** Changing these needs a new controller (and a new check); the others only change what is shown. */
export const CONTROLLER_PROPERTIES: ReadonlyArray<keyof IProfilePhotoSyncWebPartProps> = ['sensitivity', 'autoResync', 'keepCheck'];
