export { startEconomyService, ECONOMY_SERVICE_DIR } from './service';
export { loadEconomyConfig, type EconomyConfig } from './config';
