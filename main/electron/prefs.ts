import Store from 'electron-store';

/**
 * Preferences only (window bounds, the data folder, last folders): never records. electron-store
 * writes atomically and validates with this schema; an invalid file is not silently reset.
 */
export type Preferences = {
  windowBounds: { x?: number; y?: number; width: number; height: number };
  dataDir?: string;
  lastFolders: { export?: string; import?: string };
  /** The mail server password, encrypted by the operating system (safeStorage), base64: never in the data folder. */
  mailPassword?: string;
};

export const createPreferences = () =>
  new Store<Preferences>({
    name: 'preferences',
    clearInvalidConfig: false,
    defaults: { windowBounds: { width: 1280, height: 860 }, lastFolders: {} },
    schema: {
      windowBounds: {
        type: 'object',
        properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number', minimum: 600 }, height: { type: 'number', minimum: 400 } },
        required: ['width', 'height'],
      },
      dataDir: { type: 'string' },
      lastFolders: { type: 'object', properties: { export: { type: 'string' }, import: { type: 'string' } } },
      mailPassword: { type: 'string' },
    },
  });
