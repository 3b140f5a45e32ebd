export { startGateway, type GatewayContext } from './gateway';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { SUBGRAPHS, SUPERGRAPH_PATH, defaultUrlOf, type SubgraphName } from './subgraphs';
export { composeSupergraph } from './composition';
