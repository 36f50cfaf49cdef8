import { useEffect, useRef } from 'react';

export const SHORTCUTS: [string, string][] = [
  ['Alt+S', 'Sign in'],
  ['Alt+G', 'Sign in with Google'],
  ['Alt+W', 'Switch account'],
  ['Alt+R', 'Refresh now'],
  ['Alt+O', 'Sign out'],
  ['Alt+A', 'Get AWS credentials'],
  ['Alt+N', 'Add a profile'],
  ['Alt+E', 'Edit the profile'],
  ['Alt+1 … Alt+6', 'Switch tabs'],
  ['Alt+↑ / Alt+↓', 'Previous / next profile'],
  ['Escape', 'Cancel a waiting sign-in, close a dialog'],
  ['?', 'This help'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <caption className="sr-only">Keyboard shortcuts</caption>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
