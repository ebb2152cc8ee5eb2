/** The reader-session specs (reader-session.spec.ts) in Node. */
import { readerSessionSpecs } from './reader-session.spec';

readerSessionSpecs();
