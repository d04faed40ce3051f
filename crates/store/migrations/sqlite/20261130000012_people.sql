-- What the product keeps of each person beside their credentials.
--
-- The language a person chose for the interface (`kk`, `ru` or `en`); NULL until they choose,
-- read as the installation's default.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('kk', 'ru', 'en'));
-- The client address (an IPv4 address, or an IPv6 /64) of the person's last successful
-- sign-in. A wait imposed on the account by failures from elsewhere does not hold attempts from
-- this address, so no one can keep an account's owner out by failing on purpose.
ALTER TABLE users ADD COLUMN last_sign_in_address TEXT;
