/**
 * A file field whose words are the page's: the browser's own file input speaks the browser's
 * language ("Choose File", "No file chosen") whatever the page's. The input stays in the page,
 * visually hidden but focusable, so the keyboard, screen readers and drag-and-drop still use it;
 * the visible button is its label.
 */
import { useState } from 'preact/hooks';

export interface FilePickerProps {
  /** The field's label (above), the button's words, and what is shown before a file is chosen. */
  label: string;
  choose: string;
  none: string;
  accept: string;
  name: string;
  onFile: (file: File | null) => void;
  describedBy?: string;
  invalid?: boolean;
}

export function FilePicker({ label, choose, none, accept, name, onFile, describedBy, invalid }: FilePickerProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const id = `file-${name}`;
  return (
    <div class="file-picker">
      <span class="file-picker-label" id={`${id}-label`}>{label}</span>
      <span class="file-picker-row">
        <input
          id={id}
          class="visually-hidden"
          type="file"
          accept={accept}
          name={name}
          aria-labelledby={`${id}-label ${id}-button`}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
          {...(invalid ? { 'aria-invalid': 'true' } : {})}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0] ?? null;
            setChosen(file?.name ?? null);
            onFile(file);
          }}
        />
        <label for={id} class="button" id={`${id}-button`}>{choose}</label>
        {/* The file's own name is shown as text, never as markup. */}
        <span class="file-picker-name muted" data-testid={`${name}-chosen`}>{chosen ?? none}</span>
      </span>
    </div>
  );
}
