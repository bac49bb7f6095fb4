/**
 * The Wise sandbox's own RSA key pair, generated once with node:crypto for local use only and public on purpose: the
 * sandbox signs webhooks with the private key, a driver pointed at the sandbox verifies them with the public key.
 * Real deployments verify with the public key Wise publishes; nothing here is a secret.
 */

/** PKCS#8 private key the sandbox signs X-Signature-SHA256 with. */
export const WISE_SANDBOX_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCRKHCiRZi2gLaG
SKWkAtyIkuooxbJPnw85Yy0MedsExzElY6IdpI37Xqwbk03kYQhQMC/wfFkvDI+l
EQ6alojPCEO6JHO66Wqu6N6PMOQR5EsoIR9JmuNElU+g0SgYLd8KDDLXqbEm40n4
DkCmUcGFEFuPXkEqWwUMY2iWV98YZ7/jMBxaujFDM/vtWCX2qE3R0WVGSJQNuYPV
SetcQuhvt9BW4WOchdmQ11PjUjQvw55nlKc1rotE5M86lX84Ws3+5Fu3sMilWjqV
WRRhqkbEvz3IcPvfSJJ5PIGJIvwvZDFfmC63egg/Np87EnNE7OFZ6Fob248cKv9/
T1LZqAhJAgMBAAECggEACtTkBWfWFmrns9YrQ2AnSVWqfXJgdN/fSJ6ll5Rm4Htl
/RlAg/UUgdkK/1/FjzDNEwFq17IftuAOvqLViSQ0fzu++gk1ouaUsbU/bkXtWYcZ
3fENdEuc1oWhvylRqZmQAXWZkaLgTOY8Tciaew6yDGuFDt9Z/ilz6KcTqyxRbHEC
CU/6kSzefAF8ZU6gc7vcDEIGHfN8KXNlte06w9PKugY3qXFf6L6SbmZrq9qBOEch
vRQ+OWuLYTOVcW8SD9Zn+I1mn02dvE2tgf+lIpsajNMLk2SNPWSlHCnuyHmCrEnk
EOBkAlCEt1FMPm3AXzhHePTHzhfUorUA6Xtv0xXflQKBgQDBG/X4vCpysBCtQdmh
Hk4cuw1SKYBuB/Ggo5J3XhfjIxPVu2HdYErAkRu6/aEzeYn7bP4eNT8i+b+OzLXl
N6Q6LtosYqVHaFL7WT3vIDUtbGnZ5/dSFPhj9y8DIdIFXur/5Yo9gHSCiYyjOHgA
EUlWOEvqfjDN3AodGpQjOATaEwKBgQDAbqc4uZ7AU4Tc/3oZcVUOPIFUHNriHOgp
D+KoDxCXPP3KOHiPol8w9VuxEVcv2p+lGL3VL5h1drN7mWH+C4HfcMOcRExqH0Xd
hIfLvqB4U2qj10FbGK84OEq5+M+1cSccN9hThdSOxkH057bMWiaEaxyzln83JTSa
ymhxRB/fswKBgQCnXjWMtIFRz3lUwMr/ksV+rzw3ZtLyCp6IbNzH6lxnt4I8b2C9
vvRq/Bl9ss9hTsihinCg++NRzAYTnSdVmCkVaIAdkg3P2wJ46Hr+YvrT+K+xdhPs
J1K1SYqMe2aM0xx4V5i9/zR74v1qhcmzvUfDm51oiqB/+2MkoGGeOLIz0wKBgFnh
lWPOd5MXr6BWCB7oK7VJl5LFI4unutyrGdArsTEjANu6gr18NwA0Kk7LbbDhad4A
b3KrF4gOGIlrvDSgBVprXkKYOCT9VHHCXHdTI7rwI4hBm7pEDluxF15EFCiIoJ7y
iq2Afibt/ZK5xE0w8nq5WR+c9PC6BRcj4aK+EjE3AoGAc6nGivW78SAhgpCffRuo
7qMihbMhOi5VsnPmqRzIF/InZCy15h3AtIIftMsj50emv6P6yE+Z9M+9utd7CPxn
cKQFmHkI2njzG/Jc/FVf0LfyA6ejqEJMdqJDY+X7wC2VvQl9oqE99dNw53U/wd1g
bgTLXYNzJFaY00ayv0wReeg=
-----END PRIVATE KEY-----`

/** SPKI public key matching it: the driver's webhookPublicKeyPem when it talks to the sandbox. */
export const WISE_SANDBOX_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkShwokWYtoC2hkilpALc
iJLqKMWyT58POWMtDHnbBMcxJWOiHaSN+16sG5NN5GEIUDAv8HxZLwyPpREOmpaI
zwhDuiRzuulqrujejzDkEeRLKCEfSZrjRJVPoNEoGC3fCgwy16mxJuNJ+A5AplHB
hRBbj15BKlsFDGNollffGGe/4zAcWroxQzP77Vgl9qhN0dFlRkiUDbmD1UnrXELo
b7fQVuFjnIXZkNdT41I0L8OeZ5SnNa6LROTPOpV/OFrN/uRbt7DIpVo6lVkUYapG
xL89yHD730iSeTyBiSL8L2QxX5gut3oIPzafOxJzROzhWehaG9uPHCr/f09S2agI
SQIDAQAB
-----END PUBLIC KEY-----`
