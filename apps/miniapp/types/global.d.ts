/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Build mode, set by the Taro CLI. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** Target platform of the current build. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** GraphQL endpoint of mini-program builds (.env.development, or given to a release build: config/release-url.ts). */
    TARO_APP_API_URL?: string;
  }
}
