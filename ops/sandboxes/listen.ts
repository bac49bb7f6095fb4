/** Starts an express app on 127.0.0.1 (port 0 = any free port) and hands back its URL and a closer. */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express } from 'express'

export type Listening = { server: Server; port: number; url: string; close: () => Promise<void> }

export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => {
      if (err) return reject(err)
      const actual = (server.address() as AddressInfo).port
      resolve({
        server, port: actual, url: `http://${host}:${actual}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections()
          server.close(() => done())
        }),
      })
    })
  })
}
