/** What other features may use of sharing (a lint rule keeps them to this file). */
export { SharingModule } from './sharing.module.js';
export {
  CODE_IMAGE_TTL_MS,
  MiniProgramCodeService,
  SCENE_MAX_LENGTH,
  isValidScene,
  type CodePlatform,
} from './mini-program-code.service.js';
