import simpleRestProvider from 'ra-data-simple-rest'
import { httpClient } from './http-client'

/** Read models over the API's simple-REST routes (JSON arrays + Content-Range). */
export const dataProvider = simpleRestProvider('/api', httpClient)
