import { runStandalone } from '../shared/standalone.js';
import { assistanceSubgraph } from './assistance.subgraph.js';

void runStandalone(assistanceSubgraph);
