// Staff sign in to the staff pages with Microsoft Entra ID through App Service authentication ("Easy Auth"),
// which authenticates each request before it reaches the app and passes the staff member's name in
// X-MS-CLIENT-PRINCIPAL-NAME (the app trusts it: Collections__Staff__TrustAppServiceAuthentication).
// The API (API key), webhooks and Event Grid (signatures), debtor pages (signed links), approval pages
// (tokens) and the pages' assets stay open to unauthenticated callers.
// Source: learn.microsoft.com/azure/app-service/configure-authentication-provider-aad and the
// Microsoft.Web/sites/config authsettingsV2 reference (globalValidation.excludedPaths).

param appName string

@description('Client id of the Microsoft Entra ID app registration (single tenant; ID tokens enabled; redirect URI https://<app>/.auth/login/aad/callback).')
param clientId string

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: appName
}

resource authentication 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api'
        '/debtor'
        '/approvals'
        '/pages'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}
