/**
 * An offer that waited (offline, or for a department) while the person it was for was removed
 * (docs/carers.md): store-credential refuses it with the reason `person-removed`. The person reads
 * what happened and what to do, in English and Welsh — not "failed Satchel's checks, contact the
 * department", which would send them to a department with nothing wrong.
 */
import { describe, expect, it } from 'vitest';
import { receiveErrorMessage } from '../../../../src/ui/receive/receive-error-message';
import { translator } from '../../../../src/ui/i18n/translate';
import { ReceiveError } from '../../../../src/wallet/receive/receive-api';

const personRemoved = new ReceiveError('verification-failed', 'The person this credential was for has been removed from Satchel, so it was not kept.', { reasons: ['person-removed'] });

describe('receiveErrorMessage: person-removed', () => {
  it('says in English that the person was removed and what to do', () => {
    expect(receiveErrorMessage(translator('en'), personRemoved)).toBe(
      'The person this credential was for has been removed from Satchel, so it has not been saved. If it is still needed, add them again and ask the department for a new offer.',
    );
  });

  it('says it in Welsh', () => {
    expect(receiveErrorMessage(translator('cy'), personRemoved)).toBe(
      'Mae’r person yr oedd y tystlythyr hwn ar ei gyfer wedi’i dynnu o Satchel, felly nid yw wedi’i gadw. Os oes ei angen o hyd, ychwanegwch nhw eto a gofynnwch i’r adran am gynnig newydd.',
    );
  });

  it('other failed checks keep their own words', () => {
    const failed = new ReceiveError('verification-failed', 'x', { reasons: ['signature'] });
    expect(receiveErrorMessage(translator('en'), failed)).toBe(translator('en')('receive.error.verification'));
  });
});
