import { runStandalone } from '../shared/standalone.js';
import { policeSubgraph } from './police.subgraph.js';

void runStandalone(policeSubgraph);
