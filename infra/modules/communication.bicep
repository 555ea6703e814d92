// Azure Communication Services for SMS, email and WhatsApp (Advanced Messaging): an Email Communication Service with an
// Azure-managed domain (<guid>.azurecomm.net, sends at once, only as DoNotReply@, low limits)
// and optionally a custom domain, linked to the Communication Services resource the app calls.
// A custom domain can be linked only after its DNS records (output `domainVerificationRecords`)
// are verified, so it is created first and linked on a later run with customDomainVerified.
// Source: learn.microsoft.com/azure/communication-services/concepts/email/email-domain-and-sender-authentication

param communicationServicesName string
param emailServicesName string
param tags object

@description('Where ACS keeps data at rest, e.g. Europe, United States, UK, Germany, France, Switzerland, Norway.')
param dataLocation string

@description('Custom sending domain, e.g. mail.example.nl. Empty: an Azure-managed azurecomm.net domain.')
param emailDomain string

@description('True once the custom domain\'s DNS records are verified: link it and send from it.')
param customDomainVerified bool

@description('Local part of the sender address on a custom domain (an Azure-managed domain always sends as DoNotReply).')
param senderUsername string

@description('Display name shown next to the sender address.')
param senderDisplayName string

@description('Name of the Event Grid system topic that publishes the resource\'s delivery reports.')
param eventGridTopicName string

var useCustomDomain = !empty(emailDomain)
var sendFromCustomDomain = useCustomDomain && customDomainVerified

// ACS resources are global; their data stays in `dataLocation`.
var acsLocation = 'global'

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServicesName
  location: acsLocation
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: emailService
  name: 'AzureManagedDomain' // the name Azure requires for a managed domain
  location: acsLocation
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    // Reminders are service messages: no open/click tracking of debtors.
    userEngagementTracking: 'Disabled'
  }
}

resource customDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = if (useCustomDomain) {
  parent: emailService
  name: emailDomain
  location: acsLocation
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2025-09-01' = if (useCustomDomain) {
  parent: customDomain
  name: toLower(senderUsername)
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource communicationServices 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: communicationServicesName
  location: acsLocation
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: concat([managedDomain.id], sendFromCustomDomain ? [customDomain.id] : [])
    // The app authenticates with its managed identity; access keys are not needed.
    disableLocalAuth: true
  }
}

// Delivery reports (SMS, email, WhatsApp), inbound SMS and inbound WhatsApp messages are published on this topic. The
// subscription that pushes them to the app (/api/events/acs) is created after the code is
// deployed, because Event Grid validates the endpoint when the subscription is made (docs/azure.md).
resource deliveryReports 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: eventGridTopicName
  location: acsLocation
  tags: tags
  properties: {
    source: communicationServices.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}


output communicationServicesName string = communicationServices.name
output endpoint string = 'https://${communicationServices.properties.hostName}/'
output emailServicesName string = emailService.name
output senderAddress string = sendFromCustomDomain
  ? '${senderUsername}@${emailDomain}'
  : 'DoNotReply@${managedDomain.properties.fromSenderDomain}'
output eventGridTopicName string = deliveryReports.name
// DNS records (Domain, SPF, DKIM, DKIM2, DMARC) to publish for the custom domain; empty without one.
output domainVerificationRecords object = useCustomDomain ? customDomain!.properties.verificationRecords : {}
