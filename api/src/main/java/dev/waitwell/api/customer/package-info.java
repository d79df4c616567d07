/**
 * The customer's side, behind the signed link in every message, without a login: the order page
 * ({@code /c/orders/{id}}) with its forms for a delay decision and a new payment method, and the same decision as
 * JSON ({@code /c/v1/orders/{id}/decision}) for shops that build their own page. The token is the key; the links
 * themselves are made in the order feature, which puts them in every order view and message.
 */
package dev.waitwell.api.customer;
