/**
 * The establishment's directory of local accounts (LDAP / Active Directory) for single sign-on (issue 17,
 * HospiConnect: the life cycle of local and national identities). {@link fr.vigie.hub.directory.DirectorySettings}
 * ({@code hub.directory.*}) says where and how to look; {@link fr.vigie.hub.directory.LdapDirectory} asks the
 * directory over JNDI (LDAPS with the configured trust anchors, filter values escaped, answers cached briefly);
 * {@link fr.vigie.hub.directory.DirectoryAccounts} is the OpenID Provider's
 * {@link fr.vigie.hub.sso.LocalAccounts}: the account the directory tags with the idNat_PS, else the one IT linked
 * ({@link fr.vigie.hub.directory.AccountLinks}, {@code V91__directory_links.sql}), through the REST API
 * ({@link fr.vigie.hub.directory.AccountLinkRoutes}).
 */
package fr.vigie.hub.directory;
