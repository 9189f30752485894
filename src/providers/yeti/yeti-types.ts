import { underscore } from './ruby.js';

/**
 * The resources of yeti-web's admin API (app/resources/api/rest/admin/*_resource.rb at 3ec29c9f),
 * by file name. jsonapi-resources accepts a `fields[<type>]` type when `Resource.resource_for`
 * finds `<type underscored and singularized>_resource`, so `fields[gateways]` and even
 * `fields[registration]` pass at Yeti although only four of these types are modelled here.
 */
const RESOURCE_FILES = new Set(
  (
    'account active_call api_access area_prefix area auth_log balance_correction balance cdr_export cdr codec_group_codec ' +
    'codec_group contact contractor country currency customer_token customers_auth destination_next_rate destination ' +
    'dialpeer_next_rate dialpeer disconnect_policy dtmf_receive_mode dtmf_send_mode filter_type gateway_diversion_send_mode ' +
    'gateway_group gateway_inband_dtmf_filtering_mode gateway_media_encryption_mode gateway_network_protocol_priority ' +
    'gateway_rel100_mode gateway incoming_registration invoice_originated_destination invoice_originated_network invoice ' +
    'invoice_service_datum invoice_template invoice_terminated_destination invoice_terminated_network network network_type ' +
    'node numberlist_item numberlist package_counter payment pop radius_accounting_profile radius_auth_profile rate_group ' +
    'rateplan registration routeset_discriminator routing_group routing_plan routing_tag_detection_rule routing_tag ' +
    'sdp_c_location sensor_level sensor service service_type session_refresh_method sip_options_prober smtp_connection ' +
    'tag_action timezone transaction transport_protocol'
  ).split(' '),
);

/** ActiveSupport's `singularize` for the English plurals these names use. */
export function singularize(word: string): string {
  if (/data$/.test(word)) return word.replace(/data$/, 'datum');
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|x|ch|sh)es$/.test(word)) return word.replace(/es$/, '');
  if (/ss$/.test(word)) return word;
  return word.replace(/s$/, '');
}

/** Whether `Resource.resource_for` finds a yeti admin resource for this `fields` key. */
export function isYetiResourceType(type: string): boolean {
  return RESOURCE_FILES.has(singularize(underscore(type)));
}
