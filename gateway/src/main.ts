import { runService } from '@helhed/server';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

runService('gateway', () => startGateway(loadGatewayConfig()));
