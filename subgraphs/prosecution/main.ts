import { runStandalone } from '../shared/standalone.js';
import { prosecutionSubgraph } from './prosecution.subgraph.js';

void runStandalone(prosecutionSubgraph);
