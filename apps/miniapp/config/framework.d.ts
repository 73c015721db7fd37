// Types of config/framework.js, which stays CommonJS so that babel.config.js can require it.
export function frameworkFor(platform: string | undefined): 'react' | 'preact';
export function fastRefreshFor(platform: string | undefined): boolean;
