import { preparePackMeeting } from './benchPack';
import { resolve } from 'node:path';
await preparePackMeeting(process.argv[2], Number(process.argv[3]), 4, resolve(import.meta.dirname, '..'));
