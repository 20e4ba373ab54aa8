import { readAlumni, type Database, type OutboxRecord } from '../db';

/**
 * Who or what an item is about, in words the user knows (the alumnus's name, the offer's title), so a list of
 * items that were not sent says which introduction it is. Read from the synced copy; undefined when the record
 * is no longer there (e.g. the alumnus was erased since).
 */
export async function subjectOf(db: Database, record: OutboxRecord): Promise<string | undefined> {
  const alumnus = async (id: string | undefined) => (id ? (await readAlumni(db, [id]))[0]?.names.display : undefined);
  const offer = async (id: string | undefined) => (id ? (await db.get('offers', id))?.title : undefined);
  switch (record.kind) {
    case 'introduction':
      return alumnus(record.body.alumnusId);
    case 'interest':
      return offer(record.body.offerId);
    case 'meeting':
      return (await alumnus(record.body.alumnusId)) ?? offer(record.body.offerId);
    case 'meeting-step': {
      const meeting = await db.get('meetings', record.body.meetingId);
      return meeting ? meeting.alumnusName : undefined;
    }
    case 'suggestion':
      return alumnus(record.body.alumnusId);
  }
}
