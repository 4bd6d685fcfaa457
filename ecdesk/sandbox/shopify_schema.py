"""The GraphQL Admin API subset the Shopify sandbox serves, and Shopify's query cost rules.

Type and field names follow the Admin GraphQL reference (shopify.dev/docs/api/admin-graphql,
objects Order, LineItem, MoneyBag, MoneyV2, ShippingLine, TaxLine, DiscountAllocation, Refund,
RefundLineItem, PageInfo; QueryRoot.orders/order/shop). Only what ecdesk reads is declared;
a client asking for anything else gets graphql-core's validation error, as Shopify answers an
unknown field.

Cost (shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits, "Cost calculation"): scalars
and enums cost 0, an object 1, a connection 2 plus ``first``/``last`` times the cost of one
node; a list field with a ``first`` argument likewise multiplies. The requested cost is
computed before running the query; the actual cost counts what came back; the difference is
refunded to the bucket. A single query may cost at most 1000 (``MAX_COST_EXCEEDED``). A
``first``/``last`` over 250 is refused before anything runs (HTTP 200, ``errors`` only); the
wording of that message is from memory (verify against a live store).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    build_schema,
    get_named_type,
    value_from_ast,
    value_from_ast_untyped,
)

MAX_QUERY_COST = 1000
MAX_PAGE_SIZE = 250
MUTATION_COST = 10  # every mutation costs 10 points plus the fields it returns
MAX_INPUT_ARRAY = 250  # input arrays (inventorySetQuantities quantities) hold at most 250

SDL = '''
scalar DateTime
scalar Decimal
scalar UnsignedInt64
scalar URL

enum CurrencyCode { MYR SGD USD }

enum OrderSortKeys {
  CREATED_AT CUSTOMER_NAME FINANCIAL_STATUS FULFILLMENT_STATUS ID NUMBER PO_NUMBER
  PROCESSED_AT RELEVANCE TOTAL_ITEMS_QUANTITY TOTAL_PRICE UPDATED_AT
}

enum OrderDisplayFinancialStatus {
  AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED
}

enum OrderDisplayFulfillmentStatus {
  FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED
  RESTOCKED SCHEDULED UNFULFILLED
}

enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }

enum OrderTransactionKind {
  AUTHORIZATION CAPTURE CHANGE EMV_AUTHORIZATION REFUND SALE SUGGESTED_REFUND VOID
}

enum OrderTransactionStatus { AWAITING_RESPONSE ERROR FAILURE PENDING SUCCESS UNKNOWN }

type QueryRoot {
  shop: Shop!
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  order(id: ID!): Order
  ordersCount(query: String, limit: Int = 10000, savedSearchId: ID): Count
  currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
  orders(first: Int, after: String, last: Int, before: String, query: String,
         reverse: Boolean = false, sortKey: OrderSortKeys = PROCESSED_AT,
         savedSearchId: ID): OrderConnection!
  productVariants(first: Int, after: String, last: Int, before: String, query: String,
                  reverse: Boolean = false): ProductVariantConnection!
  locations(first: Int, after: String, last: Int, before: String): LocationConnection!
  shopifyPaymentsAccount: ShopifyPaymentsAccount
}

type Shop {
  id: ID!
  name: String!
  email: String!
  myshopifyDomain: String!
  currencyCode: CurrencyCode!
  ianaTimezone: String!
  taxesIncluded: Boolean!
}

type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }

type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}

type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }
type OrderEdge { cursor: String! node: Order! }

interface Node { id: ID! }

type Order implements Node {
  id: ID!
  legacyResourceId: UnsignedInt64!
  name: String!
  createdAt: DateTime!
  updatedAt: DateTime!
  processedAt: DateTime!
  cancelledAt: DateTime
  cancelReason: OrderCancelReason
  closedAt: DateTime
  closed: Boolean!
  test: Boolean!
  email: String
  phone: String
  currencyCode: CurrencyCode!
  presentmentCurrencyCode: CurrencyCode!
  taxesIncluded: Boolean!
  displayFinancialStatus: OrderDisplayFinancialStatus
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  paymentGatewayNames: [String!]!
  discountCodes: [String!]!
  subtotalPriceSet: MoneyBag
  totalPriceSet: MoneyBag!
  totalTaxSet: MoneyBag
  totalDiscountsSet: MoneyBag
  totalShippingPriceSet: MoneyBag!
  totalRefundedSet: MoneyBag!
  currentTotalPriceSet: MoneyBag!
  taxLines: [TaxLine!]!
  customer: Customer
  shippingAddress: MailingAddress
  billingAddress: MailingAddress
  lineItems(first: Int, after: String, last: Int, before: String,
            reverse: Boolean = false): LineItemConnection!
  shippingLines(first: Int, after: String, last: Int, before: String,
                reverse: Boolean = false, includeRemovals: Boolean = false): ShippingLineConnection!
  refunds(first: Int): [Refund!]!
  transactions(first: Int): [OrderTransaction!]!
  fulfillmentOrders(first: Int, after: String, last: Int, before: String):
    FulfillmentOrderConnection!
}

type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }
type LineItemEdge { cursor: String! node: LineItem! }

type LineItem {
  id: ID!
  name: String!
  title: String!
  sku: String
  quantity: Int!
  currentQuantity: Int!
  requiresShipping: Boolean!
  taxable: Boolean!
  variant: ProductVariant
  product: Product
  originalUnitPriceSet: MoneyBag!
  discountedUnitPriceSet: MoneyBag!
  originalTotalSet: MoneyBag!
  discountedTotalSet: MoneyBag!
  totalDiscountSet: MoneyBag!
  taxLines(first: Int): [TaxLine!]!
  discountAllocations: [DiscountAllocation!]!
}

type ProductVariant {
  id: ID!
  legacyResourceId: UnsignedInt64!
  sku: String
  title: String!
  inventoryItem: InventoryItem!
  product: Product!
}
type Product { id: ID! legacyResourceId: UnsignedInt64! title: String! }

type TaxLine {
  title: String!
  rate: Float
  ratePercentage: Float
  priceSet: MoneyBag!
  channelLiable: Boolean
}

type DiscountAllocation { allocatedAmountSet: MoneyBag! }

type ShippingLineConnection {
  edges: [ShippingLineEdge!]! nodes: [ShippingLine!]! pageInfo: PageInfo!
}
type ShippingLineEdge { cursor: String! node: ShippingLine! }

type ShippingLine {
  id: ID
  title: String!
  code: String
  source: String
  carrierIdentifier: String
  originalPriceSet: MoneyBag!
  discountedPriceSet: MoneyBag!
  taxLines: [TaxLine!]!
  discountAllocations: [DiscountAllocation!]!
}

type Refund {
  id: ID!
  legacyResourceId: UnsignedInt64!
  createdAt: DateTime
  note: String
  totalRefundedSet: MoneyBag!
  refundLineItems(first: Int, after: String, last: Int, before: String,
                  reverse: Boolean = false): RefundLineItemConnection!
  transactions(first: Int, after: String, last: Int, before: String,
               reverse: Boolean = false): OrderTransactionConnection!
}

type RefundLineItemConnection {
  edges: [RefundLineItemEdge!]! nodes: [RefundLineItem!]! pageInfo: PageInfo!
}
type RefundLineItemEdge { cursor: String! node: RefundLineItem! }

type RefundLineItem {
  lineItem: LineItem!
  quantity: Int!
  restockType: String!
  subtotalSet: MoneyBag!
  totalTaxSet: MoneyBag!
}

type OrderTransactionConnection {
  edges: [OrderTransactionEdge!]! nodes: [OrderTransaction!]! pageInfo: PageInfo!
}
type OrderTransactionEdge { cursor: String! node: OrderTransaction! }

type OrderTransaction {
  id: ID!
  kind: OrderTransactionKind!
  status: OrderTransactionStatus!
  gateway: String
  amountSet: MoneyBag!
  processedAt: DateTime
}

type Customer {
  id: ID!
  legacyResourceId: UnsignedInt64!
  firstName: String
  lastName: String
  displayName: String!
  email: String
  phone: String
}

type MailingAddress {
  name: String
  address1: String
  address2: String
  city: String
  province: String
  zip: String
  country: String
  countryCodeV2: String
  phone: String
}

# --- inventory and fulfilment (mutations inventorySetQuantities, fulfillmentCreate) ---
directive @idempotent(key: String!) on FIELD

type ProductVariantConnection {
  edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo!
}
type ProductVariantEdge { cursor: String! node: ProductVariant! }
type LocationConnection { edges: [LocationEdge!]! nodes: [Location!]! pageInfo: PageInfo! }
type LocationEdge { cursor: String! node: Location! }
type Location { id: ID! legacyResourceId: UnsignedInt64! name: String! isActive: Boolean! }
type InventoryItem { id: ID! legacyResourceId: UnsignedInt64! sku: String tracked: Boolean! }

input InventoryQuantityInput {
  inventoryItemId: ID!
  locationId: ID!
  quantity: Int!
  compareQuantity: Int
  changeFromQuantity: Int
}
input InventorySetQuantitiesInput {
  name: String!
  reason: String!
  referenceDocumentUri: String
  ignoreCompareQuantity: Boolean
  quantities: [InventoryQuantityInput!]!
}
enum InventorySetQuantitiesUserErrorCode {
  CHANGE_FROM_QUANTITY_STALE COMPARE_QUANTITY_REQUIRED COMPARE_QUANTITY_STALE
  INVALID_INVENTORY_ITEM INVALID_LOCATION INVALID_NAME INVALID_QUANTITY_NEGATIVE
  INVALID_QUANTITY_TOO_HIGH INVALID_REASON INVALID_REFERENCE_DOCUMENT
  ITEM_NOT_STOCKED_AT_LOCATION NON_MUTABLE_INVENTORY_ITEM NO_DUPLICATE_INVENTORY_ITEM_ID
}
type InventorySetQuantitiesUserError {
  code: InventorySetQuantitiesUserErrorCode
  field: [String!]
  message: String!
}
type InventoryChange { name: String! delta: Int! quantityAfterChange: Int item: InventoryItem }
type InventoryAdjustmentGroup { id: ID! reason: String! changes: [InventoryChange!]! }
type InventorySetQuantitiesPayload {
  inventoryAdjustmentGroup: InventoryAdjustmentGroup
  userErrors: [InventorySetQuantitiesUserError!]!
}

enum FulfillmentOrderStatus { CANCELLED CLOSED INCOMPLETE IN_PROGRESS ON_HOLD OPEN SCHEDULED }
type FulfillmentOrderConnection {
  edges: [FulfillmentOrderEdge!]! nodes: [FulfillmentOrder!]! pageInfo: PageInfo!
}
type FulfillmentOrderEdge { cursor: String! node: FulfillmentOrder! }
type FulfillmentOrder {
  id: ID!
  status: FulfillmentOrderStatus!
  lineItems(first: Int, after: String, last: Int, before: String):
    FulfillmentOrderLineItemConnection!
}
type FulfillmentOrderLineItemConnection {
  edges: [FulfillmentOrderLineItemEdge!]! nodes: [FulfillmentOrderLineItem!]!
  pageInfo: PageInfo!
}
type FulfillmentOrderLineItemEdge { cursor: String! node: FulfillmentOrderLineItem! }
type FulfillmentOrderLineItem { id: ID! sku: String totalQuantity: Int! remainingQuantity: Int! }

input FulfillmentOrderLineItemInput { id: ID! quantity: Int! }
input FulfillmentOrderLineItemsInput {
  fulfillmentOrderId: ID!
  fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
}
input FulfillmentTrackingInput { number: String numbers: [String!] company: String url: URL }
input FulfillmentInput {
  lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
  trackingInfo: FulfillmentTrackingInput
  notifyCustomer: Boolean = false
}
enum FulfillmentStatus { CANCELLED ERROR FAILURE OPEN PENDING SUCCESS }
type FulfillmentTrackingInfo { company: String number: String url: URL }
type Fulfillment {
  id: ID!
  status: FulfillmentStatus!
  trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
}
type UserError { field: [String!] message: String! }
type FulfillmentCreatePayload { fulfillment: Fulfillment userErrors: [UserError!]! }

# --- Shopify Payments (QueryRoot.shopifyPaymentsAccount; objects ShopifyPaymentsAccount,
# ShopifyPaymentsBalanceTransaction, ShopifyPaymentsPayout; a subset of the enums) ---
enum BalanceTransactionSortKeys {
  AMOUNT FEE ID NET ORDER_NAME PAYMENT_METHOD_NAME PAYOUT_DATE PAYOUT_STATUS PROCESSED_AT
  TRANSACTION_TYPE
}
enum PayoutSortKeys { AMOUNT ID ISSUED_AT STATUS TRANSACTION_TYPE }
enum ShopifyPaymentsTransactionType { ADJUSTMENT CHARGE REFUND TRANSFER }
enum ShopifyPaymentsBalanceTransactionPayoutStatus {
  ACTION_REQUIRED CANCELED FAILED IN_TRANSIT PAID PENDING SCHEDULED
}
enum ShopifyPaymentsPayoutStatus { CANCELED FAILED IN_TRANSIT PAID SCHEDULED }
enum ShopifyPaymentsPayoutTransactionType { DEPOSIT WITHDRAWAL }
type ShopifyPaymentsAccount implements Node {
  id: ID!
  activated: Boolean!
  defaultCurrency: CurrencyCode!
  balanceTransactions(first: Int, after: String, last: Int, before: String,
                      reverse: Boolean = false, sortKey: BalanceTransactionSortKeys = PROCESSED_AT,
                      query: String, savedSearchId: ID, hideTransfers: Boolean = false):
    ShopifyPaymentsBalanceTransactionConnection!
  payouts(first: Int, after: String, last: Int, before: String, reverse: Boolean = false,
          sortKey: PayoutSortKeys = ISSUED_AT, query: String, savedSearchId: ID,
          transactionType: ShopifyPaymentsPayoutTransactionType):
    ShopifyPaymentsPayoutConnection!
}
type ShopifyPaymentsBalanceTransactionConnection {
  edges: [ShopifyPaymentsBalanceTransactionEdge!]!
  nodes: [ShopifyPaymentsBalanceTransaction!]!
  pageInfo: PageInfo!
}
type ShopifyPaymentsBalanceTransactionEdge {
  cursor: String! node: ShopifyPaymentsBalanceTransaction!
}
type ShopifyPaymentsBalanceTransaction implements Node {
  id: ID!
  type: ShopifyPaymentsTransactionType!
  test: Boolean!
  transactionDate: DateTime!
  amount: MoneyV2!
  fee: MoneyV2!
  net: MoneyV2!
  associatedOrder: ShopifyPaymentsAssociatedOrder
  associatedPayout: ShopifyPaymentsBalanceTransactionAssociatedPayout!
  sourceType: String
  adjustmentReason: String
}
type ShopifyPaymentsAssociatedOrder { id: ID! name: String! }
type ShopifyPaymentsBalanceTransactionAssociatedPayout {
  id: ID
  status: ShopifyPaymentsBalanceTransactionPayoutStatus
}
type ShopifyPaymentsPayoutConnection {
  edges: [ShopifyPaymentsPayoutEdge!]! nodes: [ShopifyPaymentsPayout!]! pageInfo: PageInfo!
}
type ShopifyPaymentsPayoutEdge { cursor: String! node: ShopifyPaymentsPayout! }
type ShopifyPaymentsPayout implements Node {
  id: ID!
  legacyResourceId: UnsignedInt64!
  issuedAt: DateTime!
  status: ShopifyPaymentsPayoutStatus!
  net: MoneyV2!
}

# --- bulk operations (bulkOperationRunQuery; shopify.dev bulk-operations/queries) ---
enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
enum BulkOperationType { MUTATION QUERY }
enum BulkOperationUserErrorCode { INVALID LIMIT_REACHED OPERATION_IN_PROGRESS }
type BulkOperation implements Node {
  id: ID!
  status: BulkOperationStatus!
  errorCode: BulkOperationErrorCode
  type: BulkOperationType!
  query: String!
  createdAt: DateTime!
  completedAt: DateTime
  objectCount: UnsignedInt64!
  rootObjectCount: UnsignedInt64!
  fileSize: UnsignedInt64
  url: URL
  partialDataUrl: URL
}
type BulkOperationUserError {
  code: BulkOperationUserErrorCode
  field: [String!]
  message: String!
}
type BulkOperationRunQueryPayload {
  bulkOperation: BulkOperation
  userErrors: [BulkOperationUserError!]!
}
type BulkOperationCancelPayload { bulkOperation: BulkOperation userErrors: [UserError!]! }
enum CountPrecision { AT_LEAST EXACT }
type Count { count: Int! precision: CountPrecision! }

type Mutation {
  bulkOperationRunQuery(query: String!, groupObjects: Boolean! = false):
    BulkOperationRunQueryPayload
  bulkOperationCancel(id: ID!): BulkOperationCancelPayload
  inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
  fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
}

schema { query: QueryRoot mutation: Mutation }
'''

SCHEMA: GraphQLSchema = build_schema(SDL)


class CostError(ValueError):
    """A query Shopify refuses before running it; ``extensions`` as Shopify sends them."""

    def __init__(self, message: str, code: str, path: list[str] | None = None, **extra: Any):
        super().__init__(message)
        self.code = code
        self.path = path or []
        self.extra = extra


def _is_connection(type_: Any) -> bool:
    return isinstance(type_, GraphQLObjectType) and type_.name.endswith("Connection")


def _is_list(type_: Any) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


class _Walker:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any]):
        self.fragments = fragments
        self.variables = variables

    def fields(self, sel: SelectionSetNode | None, parent: Any = None) -> list[FieldNode]:
        return [node for node, _owner in self.owned(sel, parent)]

    def owned(self, sel: SelectionSetNode | None, parent: Any) -> list[tuple[FieldNode, Any]]:
        """The fields of a selection with the type each is read on: a fragment ``... on
        Order`` inside ``node { }`` reads Order's fields, not the Node interface's."""
        out: list[tuple[FieldNode, Any]] = []
        for node in sel.selections if sel else ():
            if isinstance(node, FieldNode):
                out.append((node, parent))
            elif isinstance(node, InlineFragmentNode):
                cond = node.type_condition
                owner = SCHEMA.get_type(cond.name.value) if cond else parent
                out.extend(self.owned(node.selection_set, owner))
            elif isinstance(node, FragmentSpreadNode):
                frag = self.fragments.get(node.name.value)
                if frag is not None:
                    owner = SCHEMA.get_type(frag.type_condition.name.value)
                    out.extend(self.owned(frag.selection_set, owner))
        return out

    def args(self, node: FieldNode, field_def: Any) -> dict[str, Any]:
        out = {}
        for arg in node.arguments or ():
            arg_def = field_def.args.get(arg.name.value)
            if arg_def is not None:
                value = value_from_ast(arg.value, arg_def.type, self.variables)
                if value is not Undefined:
                    out[arg.name.value] = value
        return out

    def requested(self, sel: SelectionSetNode | None, parent: GraphQLObjectType,
                  path: list[str]) -> int:
        total = 0
        for node, owner in self.owned(sel, parent):
            name = node.name.value
            field_def = getattr(owner, "fields", {}).get(name)
            if field_def is None:
                continue
            type_ = get_named_type(field_def.type)
            if not isinstance(type_, GraphQLObjectType | GraphQLInterfaceType):
                continue
            args = self.args(node, field_def)
            here = [*path, (node.alias or node.name).value]
            size = args.get("first") if args.get("first") is not None else args.get("last")
            if size is not None and size > MAX_PAGE_SIZE:
                raise CostError(
                    f"The page size requested ({size}) exceeds the maximum allowed page size "
                    f"({MAX_PAGE_SIZE}).", "BAD_REQUEST", here)
            if _is_connection(type_):
                if size is None:
                    raise CostError("you must provide one of first or last", "BAD_REQUEST", here)
                per_node = 0
                for sub in self.fields(node.selection_set):
                    if sub.name.value == "nodes":
                        node_type = get_named_type(type_.fields["nodes"].type)
                        per_node += 1 + self.requested(sub.selection_set, node_type, here)
                    elif sub.name.value == "edges":
                        edge_type = get_named_type(type_.fields["edges"].type)
                        per_node += self.requested(sub.selection_set, edge_type, here)
                total += 2 + size * per_node
            else:
                times = size if (size is not None and _is_list(field_def.type)) else 1
                if isinstance(args.get("ids"), list) and _is_list(field_def.type):
                    times = len(args["ids"])  # nodes(ids:): each node is paid for
                total += times * (1 + self.requested(node.selection_set, type_, here))
        return total

    def actual(self, sel: SelectionSetNode | None, parent: GraphQLObjectType, data: Any) -> int:
        if data is None:
            return 0
        if isinstance(data, list):
            return sum(self.actual(sel, parent, item) for item in data)
        total = 0
        for node, owner in self.owned(sel, parent):
            field_def = getattr(owner, "fields", {}).get(node.name.value)
            if field_def is None:
                continue
            type_ = get_named_type(field_def.type)
            if not isinstance(type_, GraphQLObjectType | GraphQLInterfaceType) or \
                    type_.name == "PageInfo":
                continue
            value = data.get((node.alias or node.name).value)
            if value is None:
                continue
            if _is_connection(type_):
                total += 2 + self.actual(node.selection_set, type_, value)
            elif isinstance(value, list):
                total += len(value) + self.actual(node.selection_set, type_, value)
            elif type_.name.endswith("Edge"):
                total += self.actual(node.selection_set, type_, value)
            else:
                total += 1 + self.actual(node.selection_set, type_, value)
        return total


def _operation(document: Any, operation_name: str | None) -> OperationDefinitionNode | None:
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        ops = [d for d in ops if d.name and d.name.value == operation_name]
    return ops[0] if ops else None


def _walker(document: Any, variables: dict[str, Any] | None) -> _Walker:
    frags = {d.name.value: d for d in document.definitions
             if isinstance(d, FragmentDefinitionNode)}
    return _Walker(frags, variables or {})


def requested_cost(document: Any, variables: dict[str, Any] | None,
                   operation_name: str | None = None) -> int:
    """Shopify's requested query cost, raising :class:`CostError` on a page size over 250."""
    op = _operation(document, operation_name)
    if op is None:
        return 0
    base = MUTATION_COST if op.operation.value == "mutation" else 0
    variables = _with_defaults(op, variables)
    return base + _walker(document, variables).requested(op.selection_set, _root_type(op), [])


def actual_cost(document: Any, variables: dict[str, Any] | None, data: Any,
                operation_name: str | None = None) -> int:
    op = _operation(document, operation_name)
    if op is None or data is None:
        return 0
    base = MUTATION_COST if op.operation.value == "mutation" else 0
    variables = _with_defaults(op, variables)
    return base + _walker(document, variables).actual(op.selection_set, _root_type(op), data)


def _with_defaults(op: OperationDefinitionNode, variables: dict[str, Any] | None
                   ) -> dict[str, Any]:
    """The variables as the query runs with them: declared defaults filled in."""
    out = dict(variables or {})
    for definition in op.variable_definitions or ():
        name = definition.variable.name.value
        if name not in out and definition.default_value is not None:
            out[name] = value_from_ast_untyped(definition.default_value)
    return out


def _root_type(op: OperationDefinitionNode) -> GraphQLObjectType:
    root = SCHEMA.mutation_type if op.operation.value == "mutation" else SCHEMA.query_type
    assert root is not None
    return root
