import { Field, SpinButton } from '@fluentui/react-components';

/**
 * A whole number within limits (minutes, meetings a year, clear working days). Typed text that is
 * not a number, or is out of range, is brought back within the limits rather than stored.
 */
export const CountField = ({ label, value, min, max, step = 1, onChange, validationMessage }: { label: string; value: number; min: number; max: number; step?: number; onChange: (n: number) => void; validationMessage?: string }) => (
  <Field label={label} validationMessage={validationMessage}>
    <SpinButton
      value={value}
      min={min}
      max={max}
      step={step}
      onChange={(_e, d) => onChange(Math.max(min, Math.min(max, Math.round(Number(d.value ?? d.displayValue) || 0))))}
    />
  </Field>
);
