import { createMemoryQueue } from './memory.ts';
import { queueContract } from './queue.case.test.ts';

queueContract('in-process', (capacity) => createMemoryQueue({ capacity }));
