import { getUrlOf } from '../../src/graphql/client';
import { HOME_PRODUCTS_VARIABLES } from '../../src/graphql/first-screen';
import { ProductsDocument } from '../../src/graphql/generated/graphql';
import { documentHashOf } from '../../src/graphql/client';
import { firstQueryUrl } from '../first-query';

describe('the first query index.html starts', () => {
  it('is the very URL the client asks for the home page’s first page', () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentHashOf(ProductsDocument) } };
    const client = getUrlOf('/graphql', ProductsDocument.toString(), 'Products', HOME_PRODUCTS_VARIABLES, extensions);
    expect(client).not.toBeNull();
    expect(firstQueryUrl()).toBe(client);
  });

  it('is null without a manifest', () => {
    expect(firstQueryUrl('/nonexistent/trusted-documents.json')).toBeNull();
  });
});
