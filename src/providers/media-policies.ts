import { MockError } from '../errors.js';
import { hasMediaTypeParameters, negotiate } from '../mock/media-type.js';
import type { MediaPolicy, RoutedRequest } from './types.js';

const JSON_API = 'application/vnd.api+json';

/**
 * Plain JSON APIs: a body sent without Content-Type is read as the operation's own type, media
 * type parameters (`; charset=utf-8`) are fine, and Accept is negotiated as HTTP says.
 */
export const jsonMedia: MediaPolicy = {
  checkContentType(request, contentType) {
    if (!request.operation.requestMediaTypes.includes(request.mediaType)) refuseContentType(request, contentType);
  },
  checkAccept(request, accept, offered) {
    if (negotiate(accept, offered) === undefined) refuseAccept(accept, offered);
  },
  defaultRequestType: (operation) => operation.requestMediaTypes[0] ?? 'application/json',
};

/**
 * JSON:API as its base specification words it (jsonapi.org 1.0, "Server Responsibilities"): a
 * missing Content-Type is refused like a wrong one, a JSON:API Content-Type with media type
 * parameters is a 415, and an Accept that names the JSON:API type only with parameters is a 406.
 * A provider whose framework is laxer defines its own policy.
 */
export const jsonApiMedia: MediaPolicy = {
  checkContentType(request, contentType) {
    const listed = request.operation.requestMediaTypes.includes(request.mediaType);
    if (!listed || (request.mediaType === JSON_API && hasMediaTypeParameters(contentType))) refuseContentType(request, contentType);
  },
  checkAccept(request, accept, offered) {
    if (negotiate(accept, offered, true) === undefined) refuseAccept(accept, offered);
  },
  // Operations of a JSON:API provider that take plain JSON (a login) read a bare body as JSON.
  defaultRequestType: (operation) => (operation.requestMediaTypes[0] === JSON_API ? undefined : jsonMedia.defaultRequestType(operation)),
};

export function refuseContentType(request: RoutedRequest, contentType: string | undefined): never {
  throw new MockError('MOCK_ERR_MEDIA_UNSUPPORTED', {
    contentType: contentType ?? '(none)',
    expected: request.operation.requestMediaTypes.join(' or '),
  });
}

export function refuseAccept(accept: string | undefined, offered: string[]): never {
  throw new MockError('MOCK_ERR_MEDIA_UNACCEPTABLE', { accept: accept ?? '', expected: offered.join(' or ') });
}
