import { IsInt, IsString, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

const failing = (value: object) =>
  validateSync(value, { forbidUnknownValues: true })
    .map((e) => e.property)
    .sort();

class Base {
  @IsString()
  name!: unknown;
}

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('given a class validated before, when it is validated again, then the same rules apply', () => {
    expect(failing(Object.assign(new Base(), { name: 1 }))).toEqual(['name']);
    expect(failing(Object.assign(new Base(), { name: 1 }))).toEqual(['name']);
    expect(failing(Object.assign(new Base(), { name: 'x' }))).toEqual([]);
  });

  it('given a class whose rules were looked up, when a rule is added to it, then the next validation applies it', () => {
    class Later {
      @IsString()
      a!: unknown;
    }
    expect(failing(Object.assign(new Later(), { a: 'x', b: 'not a number' }))).toEqual([]);
    IsInt()(Later.prototype, 'b');
    expect(failing(Object.assign(new Later(), { a: 'x', b: 'not a number' }))).toEqual(['b']);
  });

  it('given a base class validated before, when a subclass is declared later, then it inherits the base rules', () => {
    expect(failing(Object.assign(new Base(), { name: 1 }))).toEqual(['name']);
    class Derived extends Base {
      @IsInt()
      count!: unknown;
    }
    expect(failing(Object.assign(new Derived(), { name: 1, count: 'x' }))).toEqual(['count', 'name']);
  });
});
