import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PlatformUnavailableError } from '../identity.errors.js';
import { callPlatform } from './platform-http.js';

/** Sends text messages through the SMS gateway (the sandbox plays it). */
@Injectable()
export class SmsClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(phone: string, text: string): Promise<void> {
    const sms = this.config.sms;
    if (!sms) throw new PlatformUnavailableError('H5');
    await callPlatform('H5', `${sms.apiUrl}/sms/v1/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sms-key': sms.apiKey },
      body: JSON.stringify({ phone, text }),
    });
  }
}
