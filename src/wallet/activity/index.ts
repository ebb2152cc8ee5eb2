/** The activity log: what was shared, with whom, and check records the checker chose to keep. */
export * from './activity';
export * from './activity-api';
