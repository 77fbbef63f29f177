// The login of one set of pages, kept in sessionStorage: it lasts while the tab is open, is not shared
// with other tabs or sent anywhere by the browser itself, and logging out removes it.
import type { Credentials } from './api.js';

export class Session {
  constructor(private readonly key: string) {}

  get(): Credentials | null {
    try {
      const value = JSON.parse(sessionStorage.getItem(this.key) ?? 'null') as Partial<Credentials> | null;
      return value && typeof value.username === 'string' && typeof value.password === 'string' ? { username: value.username, password: value.password } : null;
    } catch {
      return null;
    }
  }

  save(credentials: Credentials): void {
    sessionStorage.setItem(this.key, JSON.stringify(credentials));
  }

  clear(): void {
    sessionStorage.removeItem(this.key);
  }
}
