/** All people in the demo data set. Ids are name slugs and unique across both areas. */
import { warwickshirePeople } from './people-warwickshire';
import { worcestershirePeople } from './people-worcestershire';
import type { Person } from './types';

export const people: Person[] = [...warwickshirePeople, ...worcestershirePeople];
