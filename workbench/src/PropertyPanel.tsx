import * as React from 'react';
import { IPaneField, IPaneGroup } from './spfxRuntime';

export interface IPropertyPanelProps {
  /** The pane's header text, from the web part's configuration. */
  description?: string;
  groups: IPaneGroup[];
  properties: Record<string, unknown>;
  fieldTypes: Record<string, number>;
  onChange: (name: string, value: string | boolean) => void;
}

/**
 * SharePoint's property pane, reduced to plain controls: it shows the groups and fields the web part's own
 * getPropertyPaneConfiguration returns, and reports each change as the real pane does.
 */
export function PropertyPanel(props: IPropertyPanelProps): React.ReactElement {
  const { description, groups, properties, fieldTypes, onChange } = props;

  const renderField = (field: IPaneField): React.ReactElement => {
    const name: string = field.targetProperty;
    const id: string = `property-${name}`;
    const label: string = field.properties.label;
    const value: unknown = properties[name];
    if (field.type === fieldTypes.Toggle) {
      return (
        <div className="field toggle" key={name}>
          <input id={id} type="checkbox" role="switch" checked={value === true} onChange={(e) => onChange(name, e.target.checked)} />
          <label htmlFor={id}>{label}</label>
        </div>
      );
    }
    if (field.type === fieldTypes.Dropdown) {
      const options: Array<{ key: string; text: string }> = field.properties.options;
      return (
        <div className="field" key={name}>
          <label htmlFor={id}>{label}</label>
          <select id={id} value={String(value)} onChange={(e) => onChange(name, e.target.value)}>
            {options.map((option) => <option key={option.key} value={option.key}>{option.text}</option>)}
          </select>
        </div>
      );
    }
    if (field.type === fieldTypes.TextField) {
      return (
        <div className="field" key={name}>
          <label htmlFor={id}>{label}</label>
          {field.properties.multiline
            ? <textarea id={id} rows={3} value={String(value ?? '')} onChange={(e) => onChange(name, e.target.value)} />
            : <input id={id} type="text" value={String(value ?? '')} onChange={(e) => onChange(name, e.target.value)} />}
        </div>
      );
    }
    return <p key={name}>{`The workbench cannot show field type ${field.type} (${name}).`}</p>;
  };

  return (
    <>
      <h2>Profile Photo Sync</h2>
      {description ? <p>{description}</p> : undefined}
      {groups.map((group, index) => (
        <fieldset key={group.groupName || index}>
          {group.groupName ? <legend>{group.groupName}</legend> : undefined}
          {group.groupFields.map(renderField)}
        </fieldset>
      ))}
    </>
  );
}
