import { personsOfLine } from './ledger-audit';

describe('whose ECONOMY data a ledger line is', () => {
  const members = async (familyId: string) => (familyId === 'f1' ? ['mother', 'child', 'mother'] : []);

  it('is the member it concerns, without asking for the family', async () => {
    const asked: string[] = [];
    const persons = await personsOfLine({ familyId: 'f1', personId: 'child' }, async (id) => {
      asked.push(id);
      return members(id);
    });
    expect(persons).toEqual(['child']);
    expect(asked).toEqual([]);
  });

  it('is every member of the family (each once) for a line of the family as a whole, none for a family without', async () => {
    await expect(personsOfLine({ familyId: 'f1', personId: null }, members)).resolves.toEqual(['mother', 'child']);
    await expect(personsOfLine({ familyId: 'f2', personId: null }, members)).resolves.toEqual([]);
  });
});
