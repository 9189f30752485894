import { describe, expect, test } from 'vitest';
import { JR, YETI, data, invalid, registration, required, useYeti } from './yeti-client.js';

/**
 * jsonapi-resources hands attribute values to the model setters unchanged (request_parser.rb
 * parse_params, resource.rb _replace_fields), so ActiveRecord casts them by column type
 * (yeti-web app/models/equipment/registration.rb schema annotation): booleans take Rails'
 * false values ("false", "0", "f", "off", 0...) and make anything else true; integers take numeric
 * strings; strings take numbers and booleans as their Ruby to_s. Validations then run on the
 * value the client sent (numericality reads it before the cast).
 */
const yeti = useYeti();
const MODEL = `${YETI} app/models/equipment/registration.rb`;
const createWith = (attributes: Record<string, unknown>, relationships?: Record<string, unknown>) =>
  yeti.call('POST', '/registrations', registration({ ...required('cast'), ...attributes }, relationships));

describe(`yeti attribute casting (${JR} lib/jsonapi/request_parser.rb + ActiveModel types)`, () => {
  test.each<[string, unknown, unknown]>([
    ['enabled', 'false', false],
    ['enabled', '0', false],
    ['enabled', 'off', false],
    ['enabled', 'f', false],
    ['enabled', 0, false],
    ['enabled', 'yes', true],
    ['enabled', 1, true],
    ['force-expire', 'true', true],
    ['retry-delay', '7', 7],
    ['max-attempts', '3', 3],
    ['sip-schema-id', '2', 2],
    ['expire', '60', 60],
    ['expire', -5, -5],
    ['name', 5, '5'],
    ['auth-user', true, 't'],
    ['display-username', false, 'f'],
  ])('casts %s %j to %j', async (attribute, sent, stored) => {
    const response = await createWith({ [attribute]: sent });
    expect(response.status).toBe(201);
    expect(data(response).attributes[attribute]).toEqual(stored);
  });

  test('casts on update as on create', async () => {
    const response = await yeti.call('PATCH', '/registrations/9', { data: { type: 'registrations', id: 9, attributes: { enabled: 'false', 'retry-delay': '2' } } });
    expect(response.status).toBe(200);
    expect(data(response).attributes).toMatchObject({ enabled: false, 'retry-delay': 2 });
  });
});

describe(`yeti route-set= (${MODEL} route_set=)`, () => {
  test.each<[unknown, unknown]>([
    ['sip:a@proxy1.example.com\r\nsip:b@proxy2.example.com', ['sip:a@proxy1.example.com', 'sip:b@proxy2.example.com']],
    ['  sip:a@proxy1.example.com  \r\n\r\n \r\n', ['sip:a@proxy1.example.com']],
    ['sip:a@proxy1\nsip:b@proxy2', ['sip:a@proxy1\nsip:b@proxy2']],
    ['', []],
    [['http://proxy.com:8123'], ['http://proxy.com:8123']],
  ])('stores route-set %j as %j (a string is split on CRLF, stripped, blanks dropped)', async (sent, stored) => {
    const response = await createWith({ 'route-set': sent });
    expect(response.status).toBe(201);
    expect(data(response).attributes['route-set']).toEqual(stored);
  });
});

describe(`yeti model validations on the value sent (${MODEL})`, () => {
  test.each<[string, Record<string, unknown>, unknown[]]>([
    ['retry-delay "7.5"', { 'retry-delay': '7.5' }, [invalid('retry-delay', 'must be an integer')]],
    ['retry-delay true', { 'retry-delay': true }, [invalid('retry-delay', 'is not a number')]],
    ['retry-delay null (presence and numericality)', { 'retry-delay': null }, [invalid('retry-delay', "can't be blank"), invalid('retry-delay', 'is not a number')]],
    ['sip-schema-id null (presence and inclusion)', { 'sip-schema-id': null }, [invalid('sip-schema-id', "can't be blank"), invalid('sip-schema-id', 'is not included in the list')]],
    ['sip-schema-id "abc" (cast to 0)', { 'sip-schema-id': 'abc' }, [invalid('sip-schema-id', 'is not included in the list')]],
    ['max-attempts "many"', { 'max-attempts': 'many' }, [invalid('max-attempts', 'is not a number')]],
    ['a contact in upper case (the regexp is case-sensitive)', { contact: 'SIP:100@example.com' }, [invalid('contact', 'is invalid')]],
  ])('refuses %s with 422', async (_, attributes, errors) => {
    const response = await createWith(attributes);
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ errors });
  });

  test('accepts any contact that contains "sip:" (URI::DEFAULT_PARSER.make_regexp is not anchored)', async () => {
    const response = await createWith({ contact: '"Office" <sip:100@example.com>;expires=60' });
    expect(response.status).toBe(201);
  });

  test('lists the errors attribute by attribute in the order the validators were declared', async () => {
    const response = await yeti.call(
      'POST',
      '/registrations',
      registration({ name: 'office-pbx-main', domain: ' ', username: 'u', contact: 'tel:100', 'retry-delay': 0 }, { 'transport-protocol': { data: null } }),
    );
    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      errors: [
        invalid('transport-protocol', 'must exist', 'relationships'),
        invalid('transport-protocol', "can't be blank", 'relationships'),
        invalid('name', 'has already been taken'),
        invalid('domain', "can't be blank"),
        invalid('contact', 'is invalid'),
        invalid('retry-delay', 'must be greater than 0'),
      ],
    });
  });

  test('answers a create without attributes with the four presence and format errors', async () => {
    const response = await yeti.call('POST', '/registrations', { data: { type: 'registrations', attributes: {} } });
    expect(response.json).toEqual({
      errors: [invalid('name', "can't be blank"), invalid('domain', "can't be blank"), invalid('username', "can't be blank"), invalid('contact', 'is invalid')],
    });
  });
});
