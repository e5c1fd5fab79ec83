/**
 * The Python sandboxes a test suite runs in: native CPython (the default) where it works here, and
 * Pyodide, the fallback of every host without bubblewrap or python3-seccomp, always, so both stay
 * covered. GRADER_PYTHON=pyodide or =native narrows a run to one of them.
 */
import { detectNativePython } from './native/native-pool.ts';

export type PythonMode = 'pyodide' | 'native';

export function pythonModes(): PythonMode[] {
  const native = detectNativePython() !== null;
  const only = process.env.GRADER_PYTHON;
  if (only === 'pyodide') return ['pyodide'];
  if (only === 'native') return native ? ['native'] : ['pyodide'];
  return native ? ['native', 'pyodide'] : ['pyodide'];
}
