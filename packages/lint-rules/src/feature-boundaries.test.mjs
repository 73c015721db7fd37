import { join } from 'node:path';
import { RuleTester } from 'eslint';
import { featureBoundaries } from './feature-boundaries.mjs';

const trees = [
  { root: 'apps/bff/src', features: '.', notFeatures: ['common', 'config', 'database'], shared: ['common', 'config'] },
  { root: 'apps/miniapp/src', features: 'features', shared: ['components', 'graphql'], alias: '@/' },
];
const file = (path) => join(process.cwd(), path);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('feature-boundaries', featureBoundaries, {
  valid: [
    // Inside one feature, anything goes.
    {
      filename: file('apps/bff/src/family/family.service.ts'),
      code: "import { x } from './family.repository.js';",
      options: trees,
    },
    // Another feature through its index.
    {
      filename: file('apps/bff/src/family/family.service.ts'),
      code: "import { x } from '../identity/index.js';",
      options: trees,
    },
    {
      filename: file('apps/miniapp/src/features/family/screens/a.tsx'),
      code: "import { x } from '../../catalogue';",
      options: trees,
    },
    {
      filename: file('apps/miniapp/src/features/family/screens/a.tsx'),
      code: "import { x } from '@/features/catalogue/index';",
      options: trees,
    },
    // Features may use shared code; composition roots may import a feature's parts.
    {
      filename: file('apps/bff/src/family/family.service.ts'),
      code: "import { x } from '../common/app-error.js';",
      options: trees,
    },
    {
      filename: file('apps/bff/src/database/data-source.ts'),
      code: "import { x } from '../family/entities/household.entity.js';",
      options: trees,
    },
    {
      filename: file('apps/miniapp/src/pages/index/index.tsx'),
      code: "import { HomeScreen } from '../../features/catalogue';",
      options: trees,
    },
    // Packages are not checked.
    {
      filename: file('apps/bff/src/family/family.service.ts'),
      code: "import { x } from '@family/domain';",
      options: trees,
    },
  ],
  invalid: [
    {
      filename: file('apps/bff/src/family/family.service.ts'),
      code: "import { IdentityRepository } from '../identity/identity.repository.js';",
      options: trees,
      errors: [
        {
          messageId: 'internals',
          data: { from: 'family', to: 'identity', source: '../identity/identity.repository.js' },
        },
      ],
    },
    {
      filename: file('apps/miniapp/src/features/family/screens/a.tsx'),
      code: "import { ProductCard } from '@/features/catalogue/components/product-card';",
      options: trees,
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: file('apps/miniapp/src/features/account/screens/mine/index.tsx'),
      code: "export { x } from '../../../catalogue/utils/format';",
      options: trees,
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: file('apps/bff/src/common/graphql/graphql.config.ts'),
      code: "import { x } from '../../catalogue/index.js';",
      options: trees,
      errors: [{ messageId: 'sharedUsesFeature' }],
    },
    {
      filename: file('apps/miniapp/src/components/state-view/index.tsx'),
      code: "const page = import('../../features/account');",
      options: trees,
      errors: [{ messageId: 'sharedUsesFeature' }],
    },
  ],
});
