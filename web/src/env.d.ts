/// <reference types="vite/client" />

import type { vCan } from './directives/can'

declare module 'vue' {
  interface GlobalDirectives {
    vCan: typeof vCan
  }
}
