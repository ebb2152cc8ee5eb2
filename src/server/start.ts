/**
 * `npm start`: serves the built app on http://localhost:5173 (or $PORT) with production headers.
 * The reference issuers join this process when they exist (issue: receiving credentials).
 */
import { connectOriginsFromEnv } from './security-headers';
import { createStaticServer } from './static-server';

const DEFAULT_PORT = 5173;
const port = Number(process.env.PORT ?? DEFAULT_PORT);
const server = createStaticServer({ root: 'dist', connectOrigins: connectOriginsFromEnv() });
server.listen(port, '127.0.0.1', () => {
  console.log(`Satchel is running at http://localhost:${port}/`);
});
