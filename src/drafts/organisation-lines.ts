import type { Contact, Organisation, PostalAddress } from './organisation';

/**
 * The organisation's details as a draft prints them, and what legal must add
 * when the organisation file leaves them out. Every value comes from that
 * file; nothing here is derived from the incident.
 */

export function addressText(address: PostalAddress): string {
  const place = `${address.city}, ${address.region} ${address.postalCode}`;

  return [...address.lines, place, ...(address.country === undefined ? [] : [address.country])].join(', ');
}

export function contactText(contact: Contact): string {
  return [contact.name, contact.title, contact.email, contact.phone].filter((part) => part !== undefined).join(', ');
}

/** The items a letter signed by the organisation needs: an address to write back to and a person to ask. */
export function senderOpenItems(organisation: Organisation): string[] {
  const items: string[] = [];
  if (organisation.address === undefined)
    items.push("Organisation's postal address: not given in the organisation file.");
  if (organisation.contact === undefined) {
    items.push('Contact person for the recipient: not given in the organisation file (name, title, email, phone).');
  }

  return items;
}
