import { faker } from '@faker-js/faker';
import { dpidCheckCharacter } from '@soundcheck/api/identifiers/dpid.ts';
import { Factory } from 'fishery';
import { uniqueSuffix } from './unique.ts';

/** The body of `POST /v1/labels`. */
export interface LabelParams {
  name: string;
  dpid?: string | null;
}

/** A random DDEX Party ID with a correct check character. */
export function randomDpid(): string {
  const body = `PADPIDA${faker.string.alphanumeric({ length: 10, casing: 'upper' })}`;
  return `${body}${dpidCheckCharacter(body)}`;
}

/** Labels with unique names; `labelFactory.params({ dpid: randomDpid() })` for one with a DPID. */
export const labelFactory = Factory.define<LabelParams>(({ sequence }) => ({
  name: `${faker.company.name()} Records ${uniqueSuffix(sequence)}`,
}));
