/** The one PIN form of the app: a juror choosing themselves, unlocking a locked session, the secretariat's gate. */

export function PinForm(props: {
  label: string;
  pin: string;
  onPin: (pin: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  /** The button waits for a PIN (and for an answer while `busy`). */
  disabled?: boolean;
  /** Takes the focus when shown (a screen that is only this form); not inside a card beside other fields. */
  autoFocus?: boolean;
}) {
  return (
    <form
      className="pin-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <label className="inline">
        {props.label}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus={props.autoFocus ?? true}
          value={props.pin}
          onChange={(e) => props.onPin(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={props.disabled}>
        {props.submitLabel}
      </button>
    </form>
  );
}
