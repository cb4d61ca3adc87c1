import { reportStartError, startServer } from '../api/server';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../seeds/demo';

// The one place where the demo data meets the server: production code never imports seeds/.
startServer({ seed: seedDemo, password: DEMO_PASSWORD, users: DEMO_USERS }).catch(reportStartError);
