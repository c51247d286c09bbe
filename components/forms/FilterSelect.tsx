/** A filter's choice in a GET form: "any" first (the empty value), then each option. */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  defaultValue: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
