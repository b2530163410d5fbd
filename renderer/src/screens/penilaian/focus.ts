/**
 * Moving the keyboard across the sheet: each indicator row (`li[data-indicator]`) has one control that takes the
 * focus when the juror arrives on it: the chosen level (or the first), the number field, or the active checklist
 * cell. "Next" is the next row on screen (grouping by aspect or by phase changes the order).
 */
const ENTRY = ['[role=radio][tabindex="0"]', '.number-entry input', '.yesno[tabindex="0"]', '.yesno', 'textarea'];

export function focusRow(row: Element | null | undefined): boolean {
  if (!row) return false;
  for (const selector of ENTRY) {
    const target = row.querySelector<HTMLElement>(selector);
    if (target && !target.hasAttribute('disabled')) {
      row.scrollIntoView({ block: 'center' });
      target.focus();
      return true;
    }
  }
  return false;
}

export function focusIndicator(root: ParentNode | null, code: string | undefined): void {
  if (!root || !code) return;
  focusRow(root.querySelector(`li[data-indicator="${CSS.escape(code)}"]`));
}

/** Puts the keyboard on the indicator after the one holding `from`. */
export function focusNextIndicator(from: Element): void {
  const row = from.closest('li[data-indicator]');
  if (!row) return;
  const rows = [...document.querySelectorAll('li[data-indicator]')];
  focusRow(rows[rows.indexOf(row) + 1]);
}
