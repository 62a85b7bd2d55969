// Managed clusters, managed clients, cluster log configuration and OAuth clients of SailPoint Identity Security Cloud (ISC).
package sailpoint
