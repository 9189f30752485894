import { jsonApiMedia, jsonMedia, refuseAccept, refuseContentType } from '../media-policies.js';
import type { MediaPolicy } from '../types.js';

const JSON_API = 'application/vnd.api+json';
/** acts_as_resource_controller.rb MEDIA_TYPE_MATCHER: how the Accept header is cut into entries. */
const MEDIA_TYPE_MATCHER = /.+".+"[^,]*|[^,]+/g;

/**
 * jsonapi-resources release-0-9 (lib/jsonapi/acts_as_resource_controller.rb), laxer and stricter
 * than the JSON:API text in different places:
 * - create and update compare `request.media_type`, the Content-Type without its parameters, in
 *   lower case, so `application/vnd.api+json; charset=utf-8` passes (x-sipmock-assumption in the
 *   spec: Yeti's fork could not be read);
 * - every action passes an Accept only when one entry is exactly the JSON:API type (no
 *   parameters, not even `q`) or starts with `*` + `/*`; `application/*` is refused; an empty or
 *   absent Accept passes.
 * The login (`POST /auth`, plain Rails JSON) negotiates as plain JSON.
 */
export const yetiMedia: MediaPolicy = {
  checkContentType(request, contentType) {
    if (!request.operation.requestMediaTypes.includes(request.mediaType)) refuseContentType(request, contentType);
  },
  checkAccept(request, accept, offered) {
    if (!offered.includes(JSON_API)) return jsonMedia.checkAccept(request, accept, offered);
    const entries = (accept ?? '').match(MEDIA_TYPE_MATCHER)?.map((entry) => entry.trim()) ?? [];
    if (entries.length === 0 || entries.some((entry) => entry === JSON_API || entry.startsWith('*/*'))) return;
    refuseAccept(accept, offered);
  },
  defaultRequestType: jsonApiMedia.defaultRequestType,
};
