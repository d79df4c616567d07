/**
 * The customer's side, behind the signed link in every message, without a login: the order page
 * ({@code /c/orders/{id}}) with its forms for a delay decision and a new payment method, its link to the bank's page
 * while the bank asks the customer to confirm a charge (and the return from there, which has the order check that
 * charge at Stripe), and the same decision as JSON ({@code /c/v1/orders/{id}/decision}) for shops that build their
 * own page, and the answer to the happiness survey (a form of five buttons, or JSON). The token is the key; the links themselves are made in the order feature, which puts them in every order
 * view and message. The pages are the messages module's templates ({@code page/*.html}, words in
 * {@code page*.properties}) in the language the customer gave at checkout, checked in every language at start-up.
 */
package dev.waitwell.api.customer;
