/** The fields that act only on Jira Service Management say so wherever the panel offers them. */
import { AtlassianDcSso } from '../../nodes/AtlassianDcSso/AtlassianDcSso.node';

interface Described {
	name: string;
	description?: string;
	options?: Described[];
}

function everyField(properties: Described[], found: Described[] = []): Described[] {
	for (const property of properties) {
		found.push(property);
		if (Array.isArray(property.options))
			everyField(
				property.options.filter((o) => typeof o === 'object' && 'name' in o),
				found,
			);
	}
	return found;
}

test('Include Customer Logins and Show Login Form for JSM: "Jira Service Management only" in create, update and SSO settings', () => {
	const fields = everyField(new AtlassianDcSso().description.properties as unknown as Described[]);
	const jsm = fields.filter((f) =>
		['includeCustomerLogins', 'showLoginFormForJsm'].includes(f.name),
	);
	// create's Additional Fields, update's Update Fields (IdP) and the SSO settings' Update Fields.
	expect(jsm.map((f) => f.name).sort()).toEqual([
		'includeCustomerLogins',
		'includeCustomerLogins',
		'showLoginFormForJsm',
	]);
	for (const field of jsm)
		expect(field.description).toMatch(
			/^Whether .*\. Jira Service Management only: no effect on Jira without it, Confluence or Bitbucket\.$/,
		);
});
