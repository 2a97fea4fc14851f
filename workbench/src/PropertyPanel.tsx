import * as React from 'react';
import { IProfilePhotoSyncWebPartProps } from '../../src/webparts/profilePhotoSync/IProfilePhotoSyncWebPartProps';
import { PROPERTY_GROUPS, PropertyField } from '../../src/webparts/profilePhotoSync/propertyFields';

export interface IPropertyPanelProps {
  properties: IProfilePhotoSyncWebPartProps;
  strings: IProfilePhotoSyncWebPartStrings;
  onChange: (properties: IProfilePhotoSyncWebPartProps) => void;
}

/** The SPFx property pane's settings, from the same field list the web part gives SharePoint. */
export function PropertyPanel(props: IPropertyPanelProps): React.ReactElement {
  const { properties, strings, onChange } = props;
  const set = (name: keyof IProfilePhotoSyncWebPartProps, value: string | boolean): void => onChange({ ...properties, [name]: value });

  const renderField = (field: PropertyField): React.ReactElement => {
    const id: string = `property-${field.name}`;
    if (field.kind === 'toggle') {
      return (
        <div className="field toggle" key={field.name}>
          <input id={id} type="checkbox" role="switch" checked={properties[field.name]} onChange={(e) => set(field.name, e.target.checked)} />
          <label htmlFor={id}>{strings[field.label]}</label>
        </div>
      );
    }
    if (field.kind === 'choice') {
      return (
        <div className="field" key={field.name}>
          <label htmlFor={id}>{strings[field.label]}</label>
          <select id={id} value={properties[field.name]} onChange={(e) => set(field.name, e.target.value)}>
            {field.options.map((option) => <option key={option.key} value={option.key}>{strings[option.text]}</option>)}
          </select>
        </div>
      );
    }
    return (
      <div className="field" key={field.name}>
        <label htmlFor={id}>{strings[field.label]}</label>
        {field.multiline
          ? <textarea id={id} rows={3} value={properties[field.name]} onChange={(e) => set(field.name, e.target.value)} />
          : <input id={id} type="text" value={properties[field.name]} onChange={(e) => set(field.name, e.target.value)} />}
      </div>
    );
  };

  return (
    <aside className="property-panel" aria-label="Web part properties">
      <h2>Profile Photo Sync</h2>
      <p>{strings.PropertyPaneDescription}</p>
      {PROPERTY_GROUPS.map((group) => (
        <fieldset key={group.name}>
          <legend>{strings[group.name]}</legend>
          {group.fields.map(renderField)}
        </fieldset>
      ))}
    </aside>
  );
}
